package org.baomi.audit;

/**
 * Who acted: a signed-in person (staff), an integration client with an API token, Baomi itself, nobody known, or a
 * patient signed in to the self-service pages (ACC-5; the actor id is then null and the name the patient's MRN, so
 * that a patient is never mistaken for the staff account with the same number).
 */
public enum ActorKind { PERSON, API_CLIENT, SYSTEM, ANONYMOUS, PATIENT }
