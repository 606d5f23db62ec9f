/**
 * ESLint 9 flat config.
 *  - TypeScript (.ts/.tsx): typescript-eslint "recommended", parsed with the project's tsconfig.json.
 *  - Office.js (src/hosts/office, src/taskpane): the rules of eslint-plugin-office-addins' "recommended"
 *    config (load/sync discipline etc.).
 *    The plugin's ready-made config arrays are not spread as such: they bundle their own copy of
 *    @typescript-eslint (8.8, ESLint refuses a second plugin under that name) and prettier/prettier as an
 *    error (formatting is not a lint failure in this project). Its rule settings are taken over unchanged.
 *  - React (.tsx): eslint-plugin-react (the copy the office-addins plugin depends on) recommended +
 *    jsx-runtime, as the plugin's "react" config does.
 */
const js = require("@eslint/js");
const globals = require("globals");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");

/** office-addins "recommended" rule settings, minus formatting (prettier) and what typescript-eslint covers. */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .filter((c) => c.plugins && c.plugins["office-addins"])
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => !name.startsWith("prettier/") && !name.startsWith("@typescript-eslint/")),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },

  js.configs.recommended,

  // Plain JavaScript: Node scripts and configs (CommonJS unless .mjs).
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },

  // TypeScript.
  {
    files: ["**/*.{ts,tsx}"],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { project: "./tsconfig.json", tsconfigRootDir: __dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // The TypeScript compiler checks names (and knows the Office/Excel globals from @types/office-js).
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },

  // Office.js code: the Office host and the task pane. Elsewhere (exceljs host, fakes) the rules'
  // name-based heuristics misfire, e.g. on exceljs' `range.start.row`.
  {
    files: ["src/hosts/office/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },

  // React components.
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat["jsx-runtime"],
  },
);
