// One serverless cold start, run by cold-start.mjs under /usr/bin/time: import the built
// @digilocker-kyc/server, createKycHandler(...) as a merchant's route would, and (mode `create`)
// one session creation through .fetch against the Eko double at argv[3]; exits at the answer.
//   node cold-start-child.mjs create|import <eko base url>
const [mode, baseUrl] = process.argv.slice(2);
if ((mode !== 'create' && mode !== 'import') || !baseUrl) {
  process.stderr.write('Expected: cold-start-child.mjs create|import <eko base url>\n');
  process.exit(2);
}
const { createKycHandler, EKO_UAT_CREDENTIALS } = await import('@digilocker-kyc/server');
const kyc = createKycHandler({
  eko: { ...EKO_UAT_CREDENTIALS, baseUrl },
  allowedOrigins: ['http://merchant.test'],
  publicBaseUrl: 'http://127.0.0.1/kyc',
  testing: { insecureUrlOrigins: [new URL(baseUrl).origin] },
  sessionSecrets: 'cold-start-bench-secret-0123456789abcdef',
  clientAddress: { trustProxyHops: 1 },
});
if (mode === 'create') {
  const response = await kyc.fetch(
    new Request('http://127.0.0.1/kyc/sessions', {
      method: 'POST',
      headers: {
        origin: 'http://merchant.test',
        'x-digilocker-kyc': '1',
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.7',
      },
      body: '{"documents":["AADHAAR"]}',
    }),
  );
  if (response.status !== 201) {
    process.stderr.write(`Expected 201 from the create, got ${response.status}\n`);
    process.exit(1);
  }
}
// A serverless instance is frozen once it has answered: the pooled upstream connection and the
// handler's timers are not what this measures.
process.exit(0);
