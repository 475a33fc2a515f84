// ACC-8: possible intrusions per day and kind over the last 30 days, drawn from the JSON in data-chart.
// A static file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  function draw() {
    var element = document.getElementById('security-chart');
    if (!element || !window.echarts || !element.dataset.chart) {
      return;
    }
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
    var total = data.series.reduce(function (sum, s) {
      return sum + s.data.reduce(function (a, b) { return a + b; }, 0);
    }, 0);
    chart.setOption({
      animation: false,
      // Tooltips drawn on the canvas: HTML tooltips would need inline styles, which the CSP forbids.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.days },
      yAxis: { type: 'value', minInterval: 1 },
      title: total === 0 ? { text: data.empty, left: 'center', top: 'middle', textStyle: { color: '#6c757d', fontSize: 14 } } : undefined,
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'events', emphasis: { focus: 'series' }, data: s.data };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
