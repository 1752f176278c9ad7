// `node --import ./scripts/load-recorder.mjs …` appends the URL of every module the program
// resolves to the file named by DLKYC_LOAD_LOG: tests use it to prove what an import loads.
import { register } from 'node:module';

if (process.env.DLKYC_LOAD_LOG) {
  register('./load-recorder-hooks.mjs', import.meta.url, {
    data: { log: process.env.DLKYC_LOAD_LOG },
  });
}
