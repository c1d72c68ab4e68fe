import { THEME_HEAD_SCRIPT } from '@/lib/theme/theme-script';
import { LOCALES } from './locales';
import { LOCALE_STORAGE_KEY, PENDING_ATTRIBUTE } from './constants';

// Runs before the first paint: the page takes the stored language's lang and dir at once (no
// left-to-right flash for Arabic) and stays hidden, at most a second, until its messages arrive.
const SCRIPT = `(function(){try{var l=localStorage.getItem(${JSON.stringify(LOCALE_STORAGE_KEY)});
var k=${JSON.stringify(LOCALES)};if(!l||k.indexOf(l)<0){var p=navigator.languages||[navigator.language];
for(var i=0;i<p.length;i++){var c=String(p[i]).toLowerCase().split('-')[0];if(k.indexOf(c)>=0){l=c;break;}}}
if(!l||k.indexOf(l)<0||l==='en')return;var r=document.documentElement;r.lang=l;r.dir=l==='ar'?'rtl':'ltr';
r.setAttribute(${JSON.stringify(PENDING_ATTRIBUTE)},'');setTimeout(function(){r.removeAttribute(${JSON.stringify(PENDING_ATTRIBUTE)});},1000);}catch(e){}})();`;

/** The inline script of <head> that applies the stored language and theme before hydration. */
export function LocaleHeadScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT + THEME_HEAD_SCRIPT }} />;
}
