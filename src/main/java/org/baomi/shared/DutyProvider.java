package org.baomi.shared;

import java.util.List;

/**
 * Implemented by every module that can owe something to a person (ORG-4); the portal collects all
 * providers for the home page. Implementations must be cheap: they run on every home page view.
 */
public interface DutyProvider {

    /** Duties of the person with the given account id, most urgent first. */
    List<Duty> dutiesOf(long accountId);
}
