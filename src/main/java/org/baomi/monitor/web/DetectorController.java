package org.baomi.monitor.web;

import java.util.List;

import org.baomi.monitor.DetectionPreview;
import org.baomi.monitor.DetectionThreshold;
import org.baomi.monitor.DetectionThresholdChange;
import org.baomi.monitor.DetectionThresholds;
import org.baomi.monitor.Detector;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The thresholds per detector (issue 7 item 4; PAT-4): the list, a preview of a change on the last 30 days, the save.
 * Permission {@code monitor:detector:tune} (checked and audited by {@link DetectionThresholds}). A bad number or a
 * stale save re-shows the page with the entered values and a translated message.
 */
@Controller
class DetectorController {

    private static final String PATH = "/privacy/monitoring/detectors";
    private final DetectionThresholds thresholds;

    DetectorController(DetectionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("thresholds", thresholds.current());
        return "monitor/detectors";
    }

    @PostMapping(PATH + "/{detector}")
    String change(@PathVariable Detector detector, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String baseScore, @RequestParam(defaultValue = "") String minScore,
            @RequestParam int version, @RequestParam(defaultValue = "preview") String action, Model model,
            RedirectAttributes redirect) {
        DetectionThresholdChange change = new DetectionThresholdChange(detector, enabled, baseScore, minScore, version);
        try {
            if ("save".equals(action)) {
                thresholds.save(change);
                redirect.addFlashAttribute("savedDetector", detector);
                return "redirect:" + PATH;
            }
            DetectionPreview preview = thresholds.preview(change);
            model.addAttribute("preview", preview);
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
        }
        List<DetectionThreshold> current = thresholds.current();
        model.addAttribute("thresholds", current);
        model.addAttribute("change", change);
        model.addAttribute("detectors", Detector.values());
        return "monitor/detectors";
    }
}
