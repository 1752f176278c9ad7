// custom-elements.json is generated from the element's class JSDoc (cem analyze --litelement).
export default {
  globs: ['src/digilocker-kyc.ts'],
  outdir: '.',
  litelement: true,
};
