package org.presstrace.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the demo's settings when the demo world is on, as {@link DemoWorld} is. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "presstrace.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {}
