/** The colours and font sizes of the style roles, used by the host-independent formats (styleFormats.ts). */
export const STYLE_COLORS = {
  subtitle: "#595959",
  note: "#595959",
  helper: "#808080",
  headerFill: "#DDEBF7",
  /** Cells the user may edit. */
  inputFill: "#FFF2CC",
  /** Status fills: done / under way but watch / problem / informational / inactive. */
  goodFill: "#C6EFCE",
  neutralFill: "#FFEB9C",
  badFill: "#FFC7CE",
  infoFill: "#DDEBF7",
  mutedFill: "#EDEDED",
  /** Changed since the previous report (with bold text). */
  changedFill: "#FCE4D6",
} as const;

/** The status roles and their fills; both hosts also top-align them (they sit beside wrapped texts). */
export const STATUS_FILLS = {
  good: STYLE_COLORS.goodFill,
  neutral: STYLE_COLORS.neutralFill,
  bad: STYLE_COLORS.badFill,
  info: STYLE_COLORS.infoFill,
  muted: STYLE_COLORS.mutedFill,
} as const;

export const TITLE_FONT_SIZE = 14;
/** Font size of the heading role, in points. */
export const HEADING_FONT_SIZE = 12;
