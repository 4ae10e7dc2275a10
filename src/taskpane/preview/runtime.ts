/** Installs the stand-in CustomFunctions global before the KC functions load (preview page only: there is no Excel). */
import { installNodeRuntime } from "../../functions/node-runtime";

installNodeRuntime();
