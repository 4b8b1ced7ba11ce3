package org.careloop.notification.email;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with its mailer pointed at a port where no SMTP server listens (see {@link GreenMailTestResource}). */
public class SmtpDownProfile implements QuarkusTestProfile {}
