/**
 * Errors shaped like OfficeExtension.Error: `name` "RichApi.Error", a `code` string and `debugInfo`.
 * Messages are Office's own English texts; the fake appends what exactly went wrong in brackets.
 */

export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  /** Something real Excel does that this fake deliberately does not model. */
  | "FakeNotSupported";

const OFFICE_MESSAGES: Record<FakeErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidOperation: "The operation is invalid.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  FakeNotSupported: "The Excel fake does not model this.",
};

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  /** The queued statement that failed, as the fake recorded it. */
  statement?: string;
}

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: FakeErrorCode, detail?: string, errorLocation?: string) {
    const base = OFFICE_MESSAGES[code];
    super(detail ? `${base} [${detail}]` : base);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = code === "ItemNotFound" ? 404 : code === "ItemAlreadyExists" ? 409 : 400;
    this.debugInfo = { code, message: this.message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, entity: string): FakeOfficeError {
  const error = new FakeOfficeError("PropertyNotLoaded", undefined, `${entity}.${property}`);
  const message = OFFICE_MESSAGES.PropertyNotLoaded.replace("{0}", property);
  error.message = message;
  error.debugInfo.message = message;
  return error;
}

export function invalidArgument(detail: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", detail);
}
