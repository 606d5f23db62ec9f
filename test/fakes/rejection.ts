import { FakeOfficeError } from "./excelFake";

/** The Office-style error a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}
