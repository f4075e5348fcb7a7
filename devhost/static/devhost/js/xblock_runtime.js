/*
 * STANDS IN FOR the XBlock JS runtimes (v1) of the Open edX LMS and Studio: initialises every block
 * on the page and builds handler URLs as the platform's runtimes do, from the wrapper's
 * data-usage-id and data-course-id:
 *   LmsRuntime      /courses/<course>/xblock/<usage>/handler/<name>[/<suffix>][?<query>]
 *   StudioRuntime   /xblock/<usage>/handler/<name>...
 *   PreviewRuntime  /preview/xblock/<usage>/handler/<name>...
 */
(function () {
  "use strict";

  var ROOTS = {
    LmsRuntime: function (element) { return "/courses/" + element.getAttribute("data-course-id") + "/xblock/"; },
    StudioRuntime: function () { return "/xblock/"; },
    PreviewRuntime: function () { return "/preview/xblock/"; }
  };

  function wrapperOf(element) {
    var node = element.jquery ? element[0] : element;
    while (node && !(node.classList && node.classList.contains("xblock-v1"))) { node = node.parentNode; }
    return node;
  }

  var runtime = {
    handlerUrl: function (element, handlerName, suffix, query) {
      var wrapper = wrapperOf(element);
      var root = ROOTS[wrapper.getAttribute("data-runtime-class")] || ROOTS.LmsRuntime;
      var url = root(wrapper) + wrapper.getAttribute("data-usage-id") + "/handler/" + handlerName;
      if (suffix) { url += "/" + suffix; }
      if (query) { url += "?" + query; }
      return url;
    },
    children: function (element) { return wrapperOf(element).xblockChildren || []; },
    childMap: function (element, name) {
      return runtime.children(element).filter(function (child) { return child.name === name; })[0];
    },
    notify: function () {}  // Studio's editor listens for "save"/"cancel"; the devhost's page stays put
  };

  function childBlocks(element) {
    var found = [];
    Array.prototype.forEach.call(element.children, function (child) {
      if (child.classList.contains("xblock-v1")) { found.push(child); } else { found = found.concat(childBlocks(child)); }
    });
    return found;
  }

  function initialize(element) {
    element.xblockChildren = childBlocks(element).map(initialize).filter(Boolean);
    var initName = element.getAttribute("data-init");
    if (!initName || element.xblockInitialized || typeof window[initName] !== "function") { return null; }
    element.xblockInitialized = true;
    var argsNode = element.querySelector(":scope > .xblock_json_init_args");
    var args = argsNode && argsNode.textContent ? JSON.parse(argsNode.textContent) : {};
    var block = new window[initName](runtime, element, args) || {};
    block.element = element;
    block.name = element.getAttribute("data-name");
    return block;
  }

  document.addEventListener("DOMContentLoaded", function () {
    childBlocks(document.body).forEach(initialize);
  });
}());
