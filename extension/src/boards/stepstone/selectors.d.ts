export declare const MATCHES: string[];
export declare const SEARCH_PATH: RegExp;
export declare const JOB_PATH: RegExp;
export declare const SEARCH_PARAMS: string[];
export declare const RESULTS_ANCHOR: string[];
export declare const JOB_TITLE: string[];
export declare const TITLE_SEPARATORS: RegExp;
