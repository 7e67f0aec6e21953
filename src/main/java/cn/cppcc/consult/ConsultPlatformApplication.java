package cn.cppcc.consult;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConsultPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsultPlatformApplication.class, args);
    }
}
