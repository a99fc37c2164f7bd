// The sign-in callback page's script, in its own file so that the portal's content security policy can forbid
// inline scripts.
import { completeSignIn } from './auth.js';

completeSignIn().catch(e => {
  const main = document.getElementById('main');
  main.replaceChildren();
  const h = document.createElement('h1');
  h.textContent = '登录未完成';
  const p = document.createElement('p');
  p.className = 'error-text';
  p.textContent = e.message;
  const a = document.createElement('a');
  a.href = './';
  a.className = 'button';
  a.textContent = '返回门户重新登录';
  main.append(h, p, a);
});
