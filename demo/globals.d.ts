/** The simulator's URL, set by vite.config.ts from OV_SIM_URL. */
declare const __OV_SIM_URL__: string;
