/** The SDK version, sent in the User-Agent outside browsers. */
export const VERSION = '0.1.0';
