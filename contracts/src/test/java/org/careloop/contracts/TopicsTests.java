package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topic names in code and the one declaration of topics that the stack creates must agree. */
class TopicsTests {

    @Test
    void everyTopicInCodeIsDeclaredInTopicsConf() throws IOException {
        Path conf = Path.of(System.getProperty("careloop.root", "..")).resolve("deploy/kafka/topics.conf");
        List<String> declared = Files.readAllLines(conf).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")[0])
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }
}
