/**
 * Installs the stand-in CustomFunctions global before the KC functions load (preview page only: there is no Excel).
 * The build appends CustomFunctions.associate(...) calls to functions.ts, which run as soon as it loads: preview.ts
 * imports this module first.
 */
import { installCustomFunctionsRuntime } from "../custom-functions";

installCustomFunctionsRuntime();
