// AUD-2: the audit console's charts, drawn from the JSON in data-chart. They arrive by htmx after the list (and
// again with each new filter), so they are drawn whenever htmx settles new content, and on a full page load.
// A static file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  function activityOption(data) {
    var total = data.series.reduce(function (sum, s) {
      return sum + s.data.reduce(function (a, b) { return a + b; }, 0);
    }, 0);
    var colours = { ALLOWED: '#198754', DENIED: '#dc3545', FAILED: '#fd7e14' };
    return {
      animation: false,
      // Tooltips drawn on the canvas: HTML tooltips would need inline styles, which the CSP forbids.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', minInterval: 1 },
      title: total === 0 ? { text: data.empty, left: 'center', top: 'middle', textStyle: { color: '#6c757d', fontSize: 14 } } : undefined,
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'outcome', itemStyle: { color: colours[s.outcome] }, data: s.data };
      })
    };
  }

  function denialsOption(data) {
    var none = data.deniedCounts.length === 0;
    return {
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.deniedActions },
      title: none ? { text: data.noDenials, left: 'center', top: 'middle', textStyle: { color: '#6c757d', fontSize: 14 } } : undefined,
      series: [{ type: 'bar', itemStyle: { color: '#dc3545' }, data: data.deniedCounts }]
    };
  }

  function draw(root) {
    if (!window.echarts) {
      return;
    }
    (root || document).querySelectorAll('.audit-chart[data-chart]').forEach(function (element) {
      var data;
      try {
        data = JSON.parse(element.dataset.chart);
      } catch (e) {
        return;
      }
      var existing = window.echarts.getInstanceByDom(element);
      if (existing) {
        existing.dispose();
      }
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(element.dataset.kind === 'denials' ? denialsOption(data) : activityOption(data));
    });
  }

  window.addEventListener('resize', function () {
    document.querySelectorAll('.audit-chart').forEach(function (element) {
      var chart = window.echarts && window.echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    });
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    draw(event.target);
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { draw(document); });
  } else {
    draw(document);
  }
})();
