package dev.shingi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShingiApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShingiApplication.class, args);
    }
}
