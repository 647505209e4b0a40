package dev.newspipe.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;

/**
 * The deserialization-failure handler of every incoming channel ({@code value-deserialization-failure-handler=poison-record}).
 * Returning no value lets the connector route the record, with its original bytes and the failure reason
 * in headers, to the channel's dead-letter topic; the consumer goes on with the next record.
 */
@ApplicationScoped
@Identifier(PoisonRecordHandler.NAME)
public class PoisonRecordHandler implements DeserializationFailureHandler<Object> {

    public static final String NAME = "poison-record";

    private static final Logger LOG = Logger.getLogger(PoisonRecordHandler.class);

    @Override
    public Object handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
            Exception exception, Headers headers) {
        LOG.warnf("poison record on %s (%s, %d bytes) goes to the dead-letter topic: %s", topic,
                isKey ? "key" : "value", data == null ? 0 : data.length, exception.getMessage());
        return null;
    }
}
