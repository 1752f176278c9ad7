// Entry of dist/return.js, the script of the return page the signing server serves.
import { localiseReturnPage, markReturnPageDone } from './page-look.js';
import { runReturnPage } from './return-page.js';

localiseReturnPage(window);
markReturnPageDone(window, runReturnPage(window));
