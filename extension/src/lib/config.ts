/** Build-time configuration: the API origin (set with HV_API_ORIGIN; the local demo by default). */
declare const __HV_API_ORIGIN__: string;
export const API_ORIGIN: string = __HV_API_ORIGIN__;
