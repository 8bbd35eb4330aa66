// A worker thread starts without the TypeScript loader the app runs under (tsx): register it,
// then load the worker written in TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./chart-worker-thread.ts");
