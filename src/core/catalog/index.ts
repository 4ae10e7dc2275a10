/** The catalog: the facts of the statement model, declared once as data (metrics, units, statements, printed precision). */
export * from "./metrics";
export * from "./precision";
export * from "./statements";
export * from "./units";
