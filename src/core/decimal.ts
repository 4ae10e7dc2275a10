import Decimal from "decimal.js";

/**
 * The one Decimal constructor the core computes with. 40 significant digits keeps every division
 * (margins, RMB/US$ translation) exact far beyond any printed precision; rounding is half-up as in the filing.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof D>;
