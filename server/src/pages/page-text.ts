// The words of the signing server's own pages, in the widget's eleven languages.
//
// The server cannot know the widget's `locale` (DigiLocker holds the return URL, and nothing
// else reaches the page), so a page follows an explicit `lang` when its caller has one, else the
// browser's Accept-Language; the return script then switches to the journey's language where it
// can (see widget/src/page-locale.ts). The return page's title and first line are the same words
// as the widget's (widget/src/locales/<code>.ts, `page`): change both together. Machine-assisted
// drafts, not yet reviewed by native speakers (docs/translations.md says how to send a fix).
import Negotiator from 'negotiator';

export const PAGE_LANGS = [
  'en',
  'hi',
  'bn',
  'gu',
  'kn',
  'ml',
  'mr',
  'or',
  'pa',
  'ta',
  'te',
] as const;
export type PageLang = (typeof PAGE_LANGS)[number];

const isPageLang = (value: string): value is PageLang =>
  (PAGE_LANGS as readonly string[]).includes(value);

/**
 * The language of a page: `lang` when it is one of PAGE_LANGS (a region is ignored: `ta-IN` is
 * `ta`), else the one the browser's Accept-Language prefers among them (negotiated as Express's
 * `req.acceptsLanguages()` does), else English.
 */
export function pageLang(acceptLanguage: string | undefined, lang?: string): PageLang {
  const wanted = lang?.toLowerCase().split('-')[0];
  if (wanted && isPageLang(wanted)) return wanted;
  if (acceptLanguage === undefined) return 'en';
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...PAGE_LANGS,
  ]);
  return best && isPageLang(best) ? best : 'en';
}

/** Every line of the server's pages in one language. */
export interface PageText {
  /** Return page: the window's title while it finishes. */
  title: string;
  /** Return page: its one line while it hands the result back. */
  finishing: string;
  /** Return page: shown when JavaScript is off. */
  noscript: string;
  /** Foreign-return warning page (the consent came back to a browser that did not start it): title. */
  foreignTitle: string;
  /** Foreign-return warning page: heading. */
  foreignHeading: string;
  /** Foreign-return warning page: what happened, the phishing risk, and what to do. Calm, plain. */
  foreignBody: string;
  /** The page asking to reload when the return could not be recorded (a store failed): title. */
  retryTitle: string;
  /** That page's line. Polite, short. */
  retryBody: string;
}

export const RETURN_TEXT: Readonly<Record<PageLang, PageText>> = {
  en: {
    title: 'Returning from DigiLocker',
    finishing: 'Finishing your DigiLocker verification…',
    noscript: 'JavaScript is off: close this window and return to the page you came from.',
    foreignTitle: 'Verification started elsewhere',
    foreignHeading: 'This verification was started on another device',
    foreignBody:
      'You shared DigiLocker documents for a verification that was started in another browser or device. If you did not start it yourself, someone who sent you this link may be trying to use your identity: do not share the link, and contact the business that asked you to verify. Your documents were not passed on from this page.',
    retryTitle: 'Please try again',
    retryBody: 'We could not record your return just now. Please reload this page in a moment.',
  },
  hi: {
    title: 'DigiLocker से लौट रहे हैं',
    finishing: 'आपका DigiLocker सत्यापन पूरा हो रहा है…',
    noscript: 'JavaScript बंद है: यह विंडो बंद करें और जिस पेज से आए थे, वहाँ लौटें।',
    foreignTitle: 'सत्यापन कहीं और शुरू हुआ',
    foreignHeading: 'यह सत्यापन किसी दूसरे डिवाइस पर शुरू किया गया था',
    foreignBody:
      'आपने DigiLocker दस्तावेज़ एक ऐसे सत्यापन के लिए साझा किए जो किसी दूसरे ब्राउज़र या डिवाइस पर शुरू किया गया था। अगर यह आपने खुद शुरू नहीं किया, तो जिसने आपको यह लिंक भेजा है वह आपकी पहचान का दुरुपयोग करने की कोशिश कर रहा हो सकता है: लिंक किसी से साझा न करें, और जिस कंपनी ने आपसे सत्यापन करने को कहा था उससे संपर्क करें। इस पेज से आपके दस्तावेज़ आगे नहीं भेजे गए।',
    retryTitle: 'कृपया फिर से कोशिश करें',
    retryBody: 'हम अभी आपकी वापसी दर्ज नहीं कर सके। कृपया थोड़ी देर में यह पेज रीलोड करें।',
  },
  bn: {
    title: 'DigiLocker থেকে ফিরে আসা হচ্ছে',
    finishing: 'আপনার DigiLocker যাচাই শেষ করা হচ্ছে…',
    noscript: 'JavaScript বন্ধ আছে: এই উইন্ডোটি বন্ধ করে যে পেজ থেকে এসেছিলেন সেখানে ফিরে যান।',
    foreignTitle: 'যাচাই অন্য কোথাও শুরু হয়েছে',
    foreignHeading: 'এই যাচাইটি অন্য একটি ডিভাইসে শুরু করা হয়েছিল',
    foreignBody:
      'আপনি এমন একটি যাচাইয়ের জন্য DigiLocker নথি শেয়ার করেছেন যা অন্য ব্রাউজার বা ডিভাইসে শুরু করা হয়েছিল। আপনি নিজে এটি শুরু না করে থাকলে, যিনি আপনাকে এই লিঙ্ক পাঠিয়েছেন তিনি আপনার পরিচয় ব্যবহার করার চেষ্টা করতে পারেন: লিঙ্কটি কাউকে দেবেন না, এবং যে প্রতিষ্ঠান আপনাকে যাচাই করতে বলেছে তাদের সাথে যোগাযোগ করুন। এই পেজ থেকে আপনার নথি কাউকে পাঠানো হয়নি।',
    retryTitle: 'অনুগ্রহ করে আবার চেষ্টা করুন',
    retryBody: 'আপনার ফিরে আসা এই মুহূর্তে নথিভুক্ত করা যায়নি। একটু পরে এই পেজটি রিলোড করুন।',
  },
  gu: {
    title: 'DigiLocker માંથી પાછા ફરી રહ્યા છીએ',
    finishing: 'તમારી DigiLocker ચકાસણી પૂર્ણ થઈ રહી છે…',
    noscript: 'JavaScript બંધ છે: આ વિન્ડો બંધ કરો અને જે પેજ પરથી આવ્યા હતા ત્યાં પાછા જાઓ.',
    foreignTitle: 'ચકાસણી બીજે શરૂ થઈ હતી',
    foreignHeading: 'આ ચકાસણી બીજા ઉપકરણ પર શરૂ કરવામાં આવી હતી',
    foreignBody:
      'તમે DigiLocker દસ્તાવેજો એવી ચકાસણી માટે શેર કર્યા છે જે બીજા બ્રાઉઝર અથવા ઉપકરણ પર શરૂ કરવામાં આવી હતી. જો તમે પોતે તે શરૂ ન કરી હોય, તો જેણે તમને આ લિંક મોકલી છે તે તમારી ઓળખનો દુરુપયોગ કરવાનો પ્રયાસ કરી રહ્યું હોઈ શકે: લિંક કોઈને આપશો નહીં, અને જે વ્યવસાયે તમને ચકાસણી કરવા કહ્યું હતું તેનો સંપર્ક કરો. આ પેજ પરથી તમારા દસ્તાવેજો આગળ મોકલવામાં આવ્યા નથી.',
    retryTitle: 'કૃપા કરીને ફરી પ્રયાસ કરો',
    retryBody: 'અમે હમણાં તમારું પાછા ફરવું નોંધી શક્યા નહીં. થોડી વારમાં આ પેજ રીલોડ કરો.',
  },
  kn: {
    title: 'DigiLocker ನಿಂದ ಹಿಂತಿರುಗುತ್ತಿದೆ',
    finishing: 'ನಿಮ್ಮ DigiLocker ಪರಿಶೀಲನೆ ಪೂರ್ಣಗೊಳ್ಳುತ್ತಿದೆ…',
    noscript: 'JavaScript ಆಫ್ ಆಗಿದೆ: ಈ ವಿಂಡೋ ಮುಚ್ಚಿ, ನೀವು ಬಂದ ಪುಟಕ್ಕೆ ಹಿಂತಿರುಗಿ.',
    foreignTitle: 'ಪರಿಶೀಲನೆ ಬೇರೆಡೆ ಪ್ರಾರಂಭವಾಗಿದೆ',
    foreignHeading: 'ಈ ಪರಿಶೀಲನೆಯನ್ನು ಬೇರೆ ಸಾಧನದಲ್ಲಿ ಪ್ರಾರಂಭಿಸಲಾಗಿತ್ತು',
    foreignBody:
      'ಬೇರೆ ಬ್ರೌಸರ್ ಅಥವಾ ಸಾಧನದಲ್ಲಿ ಪ್ರಾರಂಭಿಸಲಾದ ಪರಿಶೀಲನೆಗಾಗಿ ನೀವು DigiLocker ದಾಖಲೆಗಳನ್ನು ಹಂಚಿಕೊಂಡಿದ್ದೀರಿ. ಇದನ್ನು ನೀವೇ ಪ್ರಾರಂಭಿಸದಿದ್ದರೆ, ನಿಮಗೆ ಈ ಲಿಂಕ್ ಕಳುಹಿಸಿದವರು ನಿಮ್ಮ ಗುರುತನ್ನು ಬಳಸಲು ಪ್ರಯತ್ನಿಸುತ್ತಿರಬಹುದು: ಲಿಂಕ್ ಅನ್ನು ಯಾರೊಂದಿಗೂ ಹಂಚಿಕೊಳ್ಳಬೇಡಿ, ಮತ್ತು ನಿಮ್ಮನ್ನು ಪರಿಶೀಲಿಸಲು ಕೇಳಿದ ಸಂಸ್ಥೆಯನ್ನು ಸಂಪರ್ಕಿಸಿ. ಈ ಪುಟದಿಂದ ನಿಮ್ಮ ದಾಖಲೆಗಳನ್ನು ಯಾರಿಗೂ ಕಳುಹಿಸಲಾಗಿಲ್ಲ.',
    retryTitle: 'ದಯವಿಟ್ಟು ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ',
    retryBody: 'ನಿಮ್ಮ ಹಿಂತಿರುಗುವಿಕೆಯನ್ನು ಈಗ ದಾಖಲಿಸಲು ಆಗಲಿಲ್ಲ. ಸ್ವಲ್ಪ ಸಮಯದ ನಂತರ ಈ ಪುಟವನ್ನು ರೀಲೋಡ್ ಮಾಡಿ.',
  },
  ml: {
    title: 'DigiLocker-ൽ നിന്ന് തിരികെ വരുന്നു',
    finishing: 'നിങ്ങളുടെ DigiLocker പരിശോധന പൂർത്തിയാക്കുന്നു…',
    noscript: 'JavaScript ഓഫാണ്: ഈ വിൻഡോ അടച്ച് നിങ്ങൾ വന്ന പേജിലേക്ക് മടങ്ങുക.',
    foreignTitle: 'പരിശോധന മറ്റൊരിടത്ത് ആരംഭിച്ചു',
    foreignHeading: 'ഈ പരിശോധന മറ്റൊരു ഉപകരണത്തിലാണ് ആരംഭിച്ചത്',
    foreignBody:
      'മറ്റൊരു ബ്രൗസറിലോ ഉപകരണത്തിലോ ആരംഭിച്ച ഒരു പരിശോധനയ്ക്കായി നിങ്ങൾ DigiLocker രേഖകൾ പങ്കിട്ടു. നിങ്ങൾ സ്വയം ഇത് ആരംഭിച്ചതല്ലെങ്കിൽ, ഈ ലിങ്ക് അയച്ചയാൾ നിങ്ങളുടെ വ്യക്തിത്വം ദുരുപയോഗം ചെയ്യാൻ ശ്രമിക്കുന്നുണ്ടാകാം: ലിങ്ക് ആരുമായും പങ്കിടരുത്, നിങ്ങളോട് പരിശോധന ആവശ്യപ്പെട്ട സ്ഥാപനത്തെ ബന്ധപ്പെടുക. ഈ പേജിൽ നിന്ന് നിങ്ങളുടെ രേഖകൾ ആർക്കും കൈമാറിയിട്ടില്ല.',
    retryTitle: 'ദയവായി വീണ്ടും ശ്രമിക്കുക',
    retryBody: 'നിങ്ങളുടെ മടങ്ങിവരവ് ഇപ്പോൾ രേഖപ്പെടുത്താനായില്ല. അൽപ്പസമയത്തിന് ശേഷം ഈ പേജ് റീലോഡ് ചെയ്യുക.',
  },
  mr: {
    title: 'DigiLocker मधून परत येत आहोत',
    finishing: 'तुमची DigiLocker पडताळणी पूर्ण होत आहे…',
    noscript: 'JavaScript बंद आहे: ही विंडो बंद करा आणि ज्या पेजवरून आलात तिथे परत जा.',
    foreignTitle: 'पडताळणी दुसरीकडे सुरू झाली',
    foreignHeading: 'ही पडताळणी दुसऱ्या डिव्हाइसवर सुरू केली होती',
    foreignBody:
      'दुसऱ्या ब्राउझर किंवा डिव्हाइसवर सुरू केलेल्या पडताळणीसाठी तुम्ही DigiLocker कागदपत्रे शेअर केली. ही पडताळणी तुम्ही स्वतः सुरू केली नसेल, तर ज्याने तुम्हाला ही लिंक पाठवली ती व्यक्ती तुमची ओळख वापरण्याचा प्रयत्न करत असू शकते: लिंक कोणालाही देऊ नका, आणि ज्या व्यवसायाने तुम्हाला पडताळणी करायला सांगितली त्यांच्याशी संपर्क साधा. या पेजवरून तुमची कागदपत्रे पुढे पाठवली गेली नाहीत.',
    retryTitle: 'कृपया पुन्हा प्रयत्न करा',
    retryBody: 'तुमचे परत येणे आत्ता नोंदवता आले नाही. थोड्या वेळाने हे पेज रीलोड करा.',
  },
  or: {
    title: 'DigiLocker ରୁ ଫେରୁଛି',
    finishing: 'ଆପଣଙ୍କ DigiLocker ଯାଞ୍ଚ ସମ୍ପୂର୍ଣ୍ଣ ହେଉଛି…',
    noscript: 'JavaScript ବନ୍ଦ ଅଛି: ଏହି ୱିଣ୍ଡୋ ବନ୍ଦ କରି ଯେଉଁ ପେଜରୁ ଆସିଥିଲେ ସେଠାକୁ ଫେରନ୍ତୁ।',
    foreignTitle: 'ଯାଞ୍ଚ ଅନ୍ୟ ସ୍ଥାନରେ ଆରମ୍ଭ ହୋଇଛି',
    foreignHeading: 'ଏହି ଯାଞ୍ଚ ଅନ୍ୟ ଏକ ଡିଭାଇସରେ ଆରମ୍ଭ କରାଯାଇଥିଲା',
    foreignBody:
      'ଅନ୍ୟ ଏକ ବ୍ରାଉଜର କିମ୍ବା ଡିଭାଇସରେ ଆରମ୍ଭ ହୋଇଥିବା ଯାଞ୍ଚ ପାଇଁ ଆପଣ DigiLocker ଦସ୍ତାବିଜ ସେୟାର କରିଛନ୍ତି। ଯଦି ଆପଣ ନିଜେ ଏହା ଆରମ୍ଭ କରିନାହାନ୍ତି, ତେବେ ଯିଏ ଆପଣଙ୍କୁ ଏହି ଲିଙ୍କ ପଠାଇଛନ୍ତି ସେ ଆପଣଙ୍କ ପରିଚୟ ବ୍ୟବହାର କରିବାକୁ ଚେଷ୍ଟା କରୁଥାଇପାରନ୍ତି: ଲିଙ୍କଟି କାହାକୁ ଦିଅନ୍ତୁ ନାହିଁ, ଏବଂ ଯେଉଁ ସଂସ୍ଥା ଆପଣଙ୍କୁ ଯାଞ୍ଚ କରିବାକୁ କହିଥିଲା ସେମାନଙ୍କ ସହ ଯୋଗାଯୋଗ କରନ୍ତୁ। ଏହି ପେଜରୁ ଆପଣଙ୍କ ଦସ୍ତାବିଜ କାହାକୁ ପଠାଯାଇନାହିଁ।',
    retryTitle: 'ଦୟାକରି ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ',
    retryBody: 'ଆପଣଙ୍କ ଫେରିବା ଏବେ ରେକର୍ଡ କରାଯାଇପାରିଲା ନାହିଁ। କିଛି ସମୟ ପରେ ଏହି ପେଜ ରିଲୋଡ କରନ୍ତୁ।',
  },
  pa: {
    title: 'DigiLocker ਤੋਂ ਵਾਪਸ ਆ ਰਹੇ ਹਾਂ',
    finishing: 'ਤੁਹਾਡੀ DigiLocker ਤਸਦੀਕ ਪੂਰੀ ਹੋ ਰਹੀ ਹੈ…',
    noscript: 'JavaScript ਬੰਦ ਹੈ: ਇਹ ਵਿੰਡੋ ਬੰਦ ਕਰੋ ਅਤੇ ਜਿਸ ਪੰਨੇ ਤੋਂ ਆਏ ਸੀ ਉੱਥੇ ਵਾਪਸ ਜਾਓ।',
    foreignTitle: 'ਤਸਦੀਕ ਕਿਤੇ ਹੋਰ ਸ਼ੁਰੂ ਹੋਈ',
    foreignHeading: 'ਇਹ ਤਸਦੀਕ ਕਿਸੇ ਹੋਰ ਡਿਵਾਈਸ ’ਤੇ ਸ਼ੁਰੂ ਕੀਤੀ ਗਈ ਸੀ',
    foreignBody:
      'ਤੁਸੀਂ DigiLocker ਦਸਤਾਵੇਜ਼ ਇੱਕ ਅਜਿਹੀ ਤਸਦੀਕ ਲਈ ਸਾਂਝੇ ਕੀਤੇ ਜੋ ਕਿਸੇ ਹੋਰ ਬ੍ਰਾਊਜ਼ਰ ਜਾਂ ਡਿਵਾਈਸ ’ਤੇ ਸ਼ੁਰੂ ਕੀਤੀ ਗਈ ਸੀ। ਜੇ ਤੁਸੀਂ ਇਹ ਆਪ ਸ਼ੁਰੂ ਨਹੀਂ ਕੀਤੀ, ਤਾਂ ਜਿਸ ਨੇ ਤੁਹਾਨੂੰ ਇਹ ਲਿੰਕ ਭੇਜਿਆ ਹੈ ਉਹ ਤੁਹਾਡੀ ਪਛਾਣ ਵਰਤਣ ਦੀ ਕੋਸ਼ਿਸ਼ ਕਰ ਰਿਹਾ ਹੋ ਸਕਦਾ ਹੈ: ਲਿੰਕ ਕਿਸੇ ਨਾਲ ਸਾਂਝਾ ਨਾ ਕਰੋ, ਅਤੇ ਜਿਸ ਕਾਰੋਬਾਰ ਨੇ ਤੁਹਾਨੂੰ ਤਸਦੀਕ ਕਰਨ ਲਈ ਕਿਹਾ ਸੀ ਉਸ ਨਾਲ ਸੰਪਰਕ ਕਰੋ। ਇਸ ਪੰਨੇ ਤੋਂ ਤੁਹਾਡੇ ਦਸਤਾਵੇਜ਼ ਅੱਗੇ ਨਹੀਂ ਭੇਜੇ ਗਏ।',
    retryTitle: 'ਕਿਰਪਾ ਕਰਕੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ',
    retryBody: 'ਅਸੀਂ ਇਸ ਵੇਲੇ ਤੁਹਾਡੀ ਵਾਪਸੀ ਦਰਜ ਨਹੀਂ ਕਰ ਸਕੇ। ਕਿਰਪਾ ਕਰਕੇ ਥੋੜ੍ਹੀ ਦੇਰ ਬਾਅਦ ਇਹ ਪੰਨਾ ਰੀਲੋਡ ਕਰੋ।',
  },
  ta: {
    title: 'DigiLocker-இலிருந்து திரும்புகிறது',
    finishing: 'உங்கள் DigiLocker சரிபார்ப்பு நிறைவடைகிறது…',
    noscript: 'JavaScript முடக்கப்பட்டுள்ளது: இந்தச் சாளரத்தை மூடிவிட்டு நீங்கள் வந்த பக்கத்துக்குத் திரும்பவும்.',
    foreignTitle: 'சரிபார்ப்பு வேறு இடத்தில் தொடங்கப்பட்டது',
    foreignHeading: 'இந்தச் சரிபார்ப்பு வேறொரு சாதனத்தில் தொடங்கப்பட்டது',
    foreignBody:
      'வேறொரு உலாவியில் அல்லது சாதனத்தில் தொடங்கப்பட்ட சரிபார்ப்புக்காக DigiLocker ஆவணங்களைப் பகிர்ந்துள்ளீர்கள். இதை நீங்களே தொடங்கவில்லை என்றால், இந்த இணைப்பை உங்களுக்கு அனுப்பியவர் உங்கள் அடையாளத்தைப் பயன்படுத்த முயற்சிக்கக்கூடும்: இணைப்பை யாருடனும் பகிர வேண்டாம், உங்களைச் சரிபார்க்கச் சொன்ன நிறுவனத்தைத் தொடர்புகொள்ளவும். இந்தப் பக்கத்திலிருந்து உங்கள் ஆவணங்கள் யாருக்கும் அனுப்பப்படவில்லை.',
    retryTitle: 'மீண்டும் முயலவும்',
    retryBody:
      'நீங்கள் திரும்பியதை இப்போது பதிவுசெய்ய முடியவில்லை. சிறிது நேரம் கழித்து இந்தப் பக்கத்தை மீண்டும் ஏற்றவும்.',
  },
  te: {
    title: 'DigiLocker నుండి తిరిగి వస్తోంది',
    finishing: 'మీ DigiLocker ధృవీకరణ పూర్తవుతోంది…',
    noscript: 'JavaScript ఆఫ్‌లో ఉంది: ఈ విండోను మూసివేసి మీరు వచ్చిన పేజీకి తిరిగి వెళ్లండి.',
    foreignTitle: 'ధృవీకరణ వేరే చోట ప్రారంభమైంది',
    foreignHeading: 'ఈ ధృవీకరణ వేరే పరికరంలో ప్రారంభించబడింది',
    foreignBody:
      'వేరే బ్రౌజర్‌లో లేదా పరికరంలో ప్రారంభించిన ధృవీకరణ కోసం మీరు DigiLocker పత్రాలను పంచుకున్నారు. దీన్ని మీరే ప్రారంభించకపోతే, మీకు ఈ లింక్ పంపిన వారు మీ గుర్తింపును వాడుకోవడానికి ప్రయత్నిస్తుండవచ్చు: లింక్‌ను ఎవరితోనూ పంచుకోవద్దు, మిమ్మల్ని ధృవీకరించమని అడిగిన సంస్థను సంప్రదించండి. ఈ పేజీ నుండి మీ పత్రాలు ఎవరికీ పంపబడలేదు.',
    retryTitle: 'దయచేసి మళ్లీ ప్రయత్నించండి',
    retryBody: 'మీరు తిరిగి వచ్చినట్లు ఇప్పుడు నమోదు చేయలేకపోయాం. కొద్దిసేపటి తర్వాత ఈ పేజీని రీలోడ్ చేయండి.',
  },
};

/** The lines of a page in `lang`. */
export function pageText(lang: PageLang): PageText {
  return RETURN_TEXT[lang];
}
