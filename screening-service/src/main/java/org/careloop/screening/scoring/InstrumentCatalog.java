package org.careloop.screening.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The instruments this service accepts, by code. */
public final class InstrumentCatalog {

    private final Map<String, Instrument> byCode = new LinkedHashMap<>();

    public InstrumentCatalog(List<Instrument> instruments) {
        for (Instrument instrument : instruments) {
            if (byCode.putIfAbsent(instrument.code(), instrument) != null) {
                throw new IllegalArgumentException("Instrument " + instrument.code() + " is registered twice");
            }
        }
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** Codes of every known instrument, for error messages and docs. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
