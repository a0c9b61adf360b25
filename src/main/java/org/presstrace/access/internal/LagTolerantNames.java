package org.presstrace.access.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.presstrace.access.LagTolerant;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Whether a transaction was begun by a {@link LagTolerant} method: Spring names a declarative
 * transaction after the class and method that began it.
 */
final class LagTolerantNames {

  private static final Map<String, Boolean> declared = new ConcurrentHashMap<>();

  private LagTolerantNames() {}

  static boolean declared(String transactionName) {
    if (transactionName == null) {
      return false;
    }
    return declared.computeIfAbsent(transactionName, LagTolerantNames::lookUp);
  }

  private static boolean lookUp(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return false;
    }
    Class<?> type;
    try {
      type = ClassUtils.forName(name.substring(0, dot), LagTolerantNames.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    String methodName = name.substring(dot + 1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(methodName)
          && AnnotatedElementUtils.hasAnnotation(method, LagTolerant.class)) {
        return true;
      }
    }
    return false;
  }
}
