/** The enum objects Office.js exposes at runtime (their values are the strings the API accepts). */

export const OFFICE_ENUMS = {
  HostType: {
    Excel: "Excel",
    Word: "Word",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  },
  PlatformType: {
    PC: "PC",
    OfficeOnline: "OfficeOnline",
    Mac: "Mac",
    iOS: "iOS",
    Android: "Android",
    Universal: "Universal",
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
};

export const EXCEL_ENUMS = {
  PaperType: { a3: "A3", a4: "A4", a5: "A5", letter: "Letter", legal: "Legal" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
  },
  BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dot: "Dot", double: "Double" },
  BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: {
    apiNotFound: "ApiNotFound",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  },
};
