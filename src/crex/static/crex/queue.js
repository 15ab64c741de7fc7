/* Report queue: leave empty filters out of htmx requests, so the pushed URL stays short
   enough to share. Without JavaScript the filter form still works as a plain GET form. */
document.addEventListener("htmx:configRequest", function (event) {
  var params = event.detail.parameters;
  Object.keys(params).forEach(function (name) {
    if (params[name] === "") { delete params[name]; }
  });
});
