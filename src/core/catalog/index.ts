/** The catalog: the facts of the statement model, declared once as data (metrics, units, statements). */
export * from "./metrics";
export * from "./statements";
export * from "./units";
