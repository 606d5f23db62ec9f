/** Jest: TypeScript via ts-jest (type checking is done once by `tsc --noEmit` in the test run). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true } }] },
  testTimeout: 60000,
};
