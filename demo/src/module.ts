// The ES-module integration: importing the package registers <digilocker-kyc>, and its events are
// typed on HTMLElementEventMap. What happens after `complete` (the merchant's backend fetches the
// document) is the page's shared script's job, public/demo-page.js, as on the other pages.
import '@digilocker-kyc/widget';
