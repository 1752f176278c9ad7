// The ES-module integration: importing the package registers <digilocker-kyc>; events are typed.
import '@digilocker-kyc/widget';

const element = document.querySelector('digilocker-kyc');
const outcome = document.getElementById('outcome');

element?.addEventListener('digilocker-kyc-complete', (event) => {
  // A real merchant posts event.detail.session_token to its backend, which calls
  // verifySessionToken() and then fetches the document from Eko. Aadhaar never reaches this page.
  if (outcome) outcome.textContent = `Verified: reference ${event.detail.reference_id}.`;
});
element?.addEventListener('digilocker-kyc-cancel', (event) => {
  if (outcome) outcome.textContent = `Not verified (${event.detail.reason}).`;
});
element?.addEventListener('digilocker-kyc-error', (event) => {
  if (outcome) outcome.textContent = `Error: ${event.detail.code}.`;
});
