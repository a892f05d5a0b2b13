package dev.shingi.deliberation.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory is part of the command side: a subscribing processor, so that it is written in the command's own
 * transaction, and one whose failure rolls the command back instead of being logged and forgotten (the default for
 * event handlers).
 */
@Configuration
class DirectoryProcessing {

    @Bean
    ConfigurerModule directoryInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(Directory.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(Directory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
