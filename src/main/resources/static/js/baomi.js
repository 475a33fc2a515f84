// htmx requests carry the CSRF token from the page's meta tags (CSRF on every state-changing request).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Irreversible actions ask first: <button data-confirm="...">.
document.addEventListener('submit', function (event) {
  var submitter = event.submitter;
  var message = (submitter && submitter.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
