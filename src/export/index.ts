/** The portable model's layout (pure: no exceljs, no Office.js). The .xlsx writer is ./xlsx, for Node only. */
export * from "./layout";
