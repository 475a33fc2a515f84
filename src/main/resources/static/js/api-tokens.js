// The issued API token is shown once: a button copies it to the clipboard (CSP: no inline script).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-target]');
  if (!button) {
    return;
  }
  var input = document.getElementById(button.dataset.copyTarget);
  input.select();
  var done = document.getElementById('copy-done');
  function shown() {
    if (done) {
      done.classList.remove('d-none');
    }
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(input.value).then(shown);
  } else {
    document.execCommand('copy');
    shown();
  }
});
