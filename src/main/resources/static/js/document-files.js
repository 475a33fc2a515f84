// Upload of a document's electronic file (issue 5 item 2, DOC-9): the raw file as the request body, never multipart
// (multipart parts above a threshold land in temporary files on the server), with the CSRF header and a progress bar.
(function () {
  var box = document.getElementById('file-upload');
  if (!box) {
    return;
  }
  var input = document.getElementById('file-input');
  var button = document.getElementById('file-upload-button');
  var progress = document.getElementById('file-progress');
  var bar = document.getElementById('file-progress-bar');
  var status = document.getElementById('file-upload-status');

  function show(message, ok) {
    status.className = 'mt-2 alert py-1 px-2 ' + (ok ? 'alert-success' : 'alert-danger');
    status.textContent = message;
  }

  button.addEventListener('click', function () {
    var file = input.files && input.files[0];
    if (!file) {
      show(box.dataset.msgNoFile, false);
      return;
    }
    // The server refuses a file above baomi.document.max-file-size; checking here spares the person a long upload
    // that ends in a reset connection instead of a message.
    var limit = Number(box.dataset.maxSize);
    if (limit > 0 && file.size > limit) {
      show(box.dataset.msgTooBig, false);
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', box.dataset.uploadUrl);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      xhr.setRequestHeader(header.content, token.content);
    }
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) {
        var percent = Math.floor(event.loaded * 100 / event.total);
        bar.style.width = percent + '%';
        progress.setAttribute('aria-valuenow', String(percent));
      }
    });
    xhr.addEventListener('load', function () {
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (ignored) {
        answer = null;
      }
      var message = answer && answer.message ? answer.message : box.dataset.msgFailed;
      button.disabled = false;
      if (xhr.status === 200) {
        show(message, true);
        window.location.reload();
      } else {
        show(message, false);
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      show(box.dataset.msgFailed, false);
    });
    button.disabled = true;
    progress.classList.remove('d-none');
    bar.style.width = '0%';
    xhr.send(file);
  });
})();
