package org.baomi.audit;

/** Who acted: a signed-in person, an integration client with an API token, Baomi itself, or nobody known. */
public enum ActorKind { PERSON, API_CLIENT, SYSTEM, ANONYMOUS }
