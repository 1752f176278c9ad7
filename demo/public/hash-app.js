// A tiny hash router: #/ (home), #/kyc (the widget), #/done. Views are built with the DOM API.
import { applyParams } from './demo-page.js';

const view = document.getElementById('view');
let verified = false;

// Verified once the merchant's backend has fetched the document, not merely on `complete`.
document.addEventListener('demo-kyc-result', (event) => {
  verified = event.detail.status === 'verified';
});

function heading(text) {
  const h2 = document.createElement('h2');
  h2.textContent = text;
  return h2;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function render() {
  const route = location.hash.replace(/^#/, '') || '/';
  view.dataset.route = route;
  if (route === '/kyc') {
    const element = document.createElement('digilocker-kyc');
    element.id = 'kyc';
    element.setAttribute('endpoint', '/kyc');
    element.setAttribute('documents', 'AADHAAR');
    applyParams(element);
    view.replaceChildren(heading('Verify your identity'), element);
  } else if (route === '/done') {
    view.replaceChildren(
      heading('Done'),
      paragraph(verified ? 'Your identity is verified.' : 'Not verified yet.'),
    );
  } else {
    view.replaceChildren(heading('Welcome'), paragraph('Go to "Verify identity" to start.'));
  }
}

window.addEventListener('hashchange', render);
render();
