// Issue 7 item 7: the monitoring trend charts, drawn from the JSON in #trend-data's data-chart.
// A static file because the Content-Security-Policy forbids inline scripts; heights are set through the CSSOM,
// which the policy allows (inline style attributes it does not).
(function () {
  'use strict';

  function chart(id) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    element.style.height = '320px';
    var existing = window.echarts.getInstanceByDom(element);
    if (existing) {
      existing.dispose();
    }
    var c = window.echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  function sum(list) {
    return list.reduce(function (a, b) { return a + b; }, 0);
  }

  function empty(data, total) {
    return total === 0 ? { text: data.empty, left: 'center', top: 'middle', textStyle: { color: '#6c757d', fontSize: 14 } } : undefined;
  }

  function draw() {
    var holder = document.getElementById('trend-data');
    if (!holder || !window.echarts || !holder.dataset.chart) {
      return;
    }
    var data;
    try {
      data = JSON.parse(holder.dataset.chart);
    } catch (e) {
      return;
    }
    var tooltip = { trigger: 'axis', renderMode: 'richText' };
    var detectors = chart('detector-chart');
    if (detectors) {
      detectors.setOption({
        animation: false, tooltip: tooltip, legend: { top: 0, type: 'scroll' },
        grid: { left: 40, right: 16, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: data.weeks }, yAxis: { type: 'value', minInterval: 1 },
        title: empty(data, data.detectors.reduce(function (t, s) { return t + sum(s.data); }, 0)),
        series: data.detectors.map(function (s) {
          return { name: s.name, type: 'bar', stack: 'alerts', data: s.data };
        })
      });
    }
    var cases = chart('cases-chart');
    if (cases) {
      cases.setOption({
        animation: false, tooltip: tooltip, legend: { top: 0 },
        grid: { left: 40, right: 16, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: data.weeks }, yAxis: { type: 'value', minInterval: 1 },
        title: empty(data, sum(data.opened.data) + sum(data.closed.data)),
        series: [{ name: data.opened.name, type: 'line', data: data.opened.data },
                 { name: data.closed.name, type: 'line', data: data.closed.data }]
      });
    }
    var departments = chart('departments-chart');
    if (departments) {
      departments.setOption({
        animation: false, tooltip: { trigger: 'item', renderMode: 'richText' },
        grid: { left: 120, right: 16, top: 10, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: data.departments, inverse: true },
        title: empty(data, sum(data.departmentCounts)),
        series: [{ type: 'bar', data: data.departmentCounts }]
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
