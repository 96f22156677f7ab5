export declare const DEV_BASE_URL: string;
export declare function resolveAddinBaseUrl(raw: string | undefined): string;
export declare function rewriteManifest(manifestXml: string, baseUrl: string): string;
export declare function wellKnownAllowedJson(baseUrl: string): string;
