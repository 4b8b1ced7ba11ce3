package org.careloop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which endpoints a subscription may name. */
class WebhookUrlsTests {

    @Test
    void httpsIsRequiredOutsideTheLocalProfile() {
        assertThat(WebhookUrls.formFault("https://partner.example.org/hooks", true))
                .isEmpty();
        assertThat(WebhookUrls.formFault("http://partner.example.org/hooks", true))
                .contains("must use https");
        assertThat(WebhookUrls.formFault("http://partner.example.org/hooks", false))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://partner.example.org/x",
                "partner.example.org/x",
                "https://",
                "https://user:pw@partner.example.org/x",
                "https://partner.example.org/x#frag",
                "javascript:alert(1)",
                " "
            })
    void malformedOrUnsafeUrlsAreRefused(String url) {
        assertThat(WebhookUrls.formFault(url, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fd00::1",
                "fe80::1",
                "224.0.0.1"
            })
    void nonPublicAddressesAreNotPublic(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
    void publicAddressesArePublic(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void loopbackEndpointsAreRefusedUnlessAllowed() {
        assertThat(WebhookUrls.hostFault("http://127.0.0.1:8080/x", false)).isPresent();
        assertThat(WebhookUrls.hostFault("http://localhost:8080/x", false)).isPresent();
        assertThat(WebhookUrls.hostFault("http://[::1]:8080/x", false)).isPresent();
        assertThat(WebhookUrls.hostFault("http://127.0.0.1:8080/x", true)).isEmpty();
    }

    @Test
    void atDeliveryANameThatNowPointsIntoThePrivateNetworkIsRefused() {
        assertThat(WebhookUrls.connectAddress("localhost", false).fault()).contains("non-public");
        assertThat(WebhookUrls.connectAddress("localhost", true).address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(WebhookUrls.connectAddress("no-such-host.invalid", true).fault())
                .isEqualTo("host does not resolve");
    }
}
