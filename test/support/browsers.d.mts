import type { BrowserLauncher } from '@web/test-runner-core';

export declare const ENGINES: string[];
export declare const FIREFOX_PATH: string;
export declare const WEBKIT_DRIVER_PATH: string;
export declare const MINIBROWSER_PATH: string;
export declare function engineNamesFromEnv(env?: NodeJS.ProcessEnv): string[];
export declare function browsersFromEnv(env?: NodeJS.ProcessEnv): BrowserLauncher[];
export declare function reducedMotionBrowsersFromEnv(env?: NodeJS.ProcessEnv): BrowserLauncher[];
