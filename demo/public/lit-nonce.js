// Hands the page's CSP nonce to Lit before the widget loads (Lit reads window.litNonce when it
// has to fall back to <style> elements). Loaded as an external, nonce'd script: no inline code.
window.litNonce = document.currentScript?.nonce || undefined;
