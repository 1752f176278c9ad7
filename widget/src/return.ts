// Entry of dist/return.js, the script of the return page the signing server serves.
import { runReturnPage } from './return-page.js';

runReturnPage(window);
