package org.baomi.document.web;

import java.util.Arrays;
import java.util.List;

import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;

/** Starting or widening a circulation (DOC-5): readers' staff numbers separated by spaces, commas or new lines. */
public class CirculationForm {

    private String readers;
    private String mode = CirculationMode.PARALLEL.name();
    private boolean urgent;

    List<String> staffNos() {
        if (readers == null || readers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(readers.split("[\\s,;\\u3001\\uff0c]+")).filter(s -> !s.isBlank()).limit(100).toList();
    }

    CirculationDraft toDraft() {
        return new CirculationDraft(staffNos(), Forms.choice(CirculationMode.class, mode), urgent);
    }

    public String getReaders() { return readers; }
    public void setReaders(String readers) { this.readers = readers; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
}
