// Entry of dist/digilocker-kyc.bundle.js, the self-contained <script type="module"> build.
export { DigilockerKyc } from './define.js';
